import { useEffect, useState, type RefObject } from 'react';
import { useExporting } from './exporting';

/** How far outside the viewport an element counts as near: a quarter of its height above and below. */
const NEAR = '25% 0px';

/**
 * True once the element has come near the viewport (and stays true), or while an image is being made:
 * what it draws is wanted then, and not before. `active`: the element is in the page.
 */
export function useNearScreen(ref: RefObject<HTMLElement | null>, active = true): boolean {
  const [near, setNear] = useState(false);
  const exporting = useExporting();
  useEffect(() => {
    const el = ref.current;
    if (!el || !active || near) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true);
    }, { rootMargin: NEAR });
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, active, near]);
  return near || exporting;
}
