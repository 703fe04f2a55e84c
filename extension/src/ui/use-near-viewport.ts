import type { RefObject } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * Whether an element is on screen or within `margin` of it, once: it stays true after, so rows
 * rendered for the officer are never torn down under her while she scrolls or edits.
 */
export function useNearViewport(element: RefObject<Element | null>, initially: boolean, margin = '800px'): boolean {
  const [near, setNear] = useState(initially);
  useEffect(() => {
    const target = element.current;
    if (near || !target) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [near]);
  return near;
}
