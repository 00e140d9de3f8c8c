import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  items: T[];
  rowHeight: number;
  render: (item: T, index: number) => ComponentChildren;
  /** Kept in view when it changes (keyboard moves). */
  selected?: number;
  label: string;
}

/**
 * Renders only the rows in view (plus a few): 10,000 papers cost as much as 20. Fixed row
 * height, so positions are arithmetic; the list measures its own height (CSS sizes it).
 */
export function VirtualList<T>({ items, rowHeight, render, selected, label }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(480);

  useLayoutEffect(() => {
    const el = ref.current!;
    setHeight(el.clientHeight || 480);
    const observer = new ResizeObserver(() => setHeight(el.clientHeight || 480));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el || selected === undefined || selected < 0) return;
    const y = selected * rowHeight;
    if (y < el.scrollTop) el.scrollTop = y;
    else if (y + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = y + rowHeight - el.clientHeight;
  }, [selected, rowHeight]);

  const first = Math.max(0, Math.floor(top / rowHeight) - 5);
  const last = Math.min(items.length, Math.ceil((top + height) / rowHeight) + 5);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtual list places its rows absolutely; a ul/li would add list styling to undo
    <div ref={ref} class="vlist" role="list" aria-label={label} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <div style={{ height: `${items.length * rowHeight}px`, position: 'relative' }}>
        {items.slice(first, last).map((item, i) => (
          <div key={first + i} class="vlist-row" style={{ top: `${(first + i) * rowHeight}px`, height: `${rowHeight}px` }}>
            {render(item, first + i)}
          </div>
        ))}
      </div>
    </div>
  );
}
