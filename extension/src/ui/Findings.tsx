import type { Finding } from '@gom/shared';

/** The report check's findings, each with where it is, so the officer can go and fix it before sending. */
export function Findings({ title, findings }: { title: string; findings: Finding[] }) {
  return (
    <section data-role="findings" data-count={findings.length}>
      <p class={findings.length > 0 ? 'error' : 'muted'}>{title}</p>
      {findings.length > 0 && (
        <ul>
          {findings.map((finding, index) => (
            <li key={index} data-rule={finding.rule} data-severity={finding.severity}>
              <strong data-role="where">{finding.where}</strong>: {finding.message}
              {finding.excerpt && <q>{finding.excerpt}</q>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
