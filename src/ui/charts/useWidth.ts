import { useEffect, useRef, useState } from 'react';

/** Width of an element, tracked with a ResizeObserver (charts redraw only when it changes). */
export function useWidth<T extends HTMLElement>(initial = 300): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([entry]) => setWidth(Math.max(120, Math.floor(entry.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}
