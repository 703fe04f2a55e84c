import type { LegacyEncoding } from '@gom/shared/repair';
import { useEffect, useRef } from 'preact/hooks';
import type { RepairReview as Review } from '../../capture/repair-review';
import { t } from '../../i18n';

// The names officers know the encodings by, in either language.
const ENCODING_NAMES: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

export interface RepairReviewProps {
  review: Review;
  /** The repaired text is in the text field. */
  accepted: boolean;
  onAccept: () => void;
  onKeep: () => void;
  onRestore: () => void;
}

/**
 * The repair Gom proposes for a damaged clip, with every letter it wrote marked. Nothing reaches
 * the text field until the officer accepts; the offer takes the focus, so Enter accepts and the
 * next Enter, in the text field, saves. The clip is page data: marks and text are text nodes only.
 */
export function RepairReview({ review, accepted, onAccept, onKeep, onRestore }: RepairReviewProps) {
  const s = t().repair;
  const acceptButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!accepted) acceptButton.current?.focus();
  }, [accepted]);

  return (
    <section class="warning" data-role="repair-review" aria-labelledby="repair-title">
      <h2 id="repair-title">{s.title}</h2>
      <p class="muted" data-role="repair-cause">
        {s.cause({ encodings: review.encodings.map((encoding) => ENCODING_NAMES[encoding]), lost: review.lost })}
      </p>
      <p data-role="repaired-text">
        {review.segments.map((segment, index) =>
          segment.changed ? <mark key={index}>{segment.text}</mark> : segment.text,
        )}
      </p>
      <p class="muted" aria-live="polite">
        {accepted ? s.accepted : s.marked}
      </p>
      <div class="actions">
        {accepted ? (
          <button type="button" data-action="restore-original" onClick={onRestore}>
            {s.restore}
          </button>
        ) : (
          <>
            <button type="button" data-action="accept-repair" ref={acceptButton} onClick={onAccept}>
              {s.accept}
            </button>
            <button type="button" data-action="keep-original" onClick={onKeep}>
              {s.keep}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
