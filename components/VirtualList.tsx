import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface Props<T> {
  count: number;
  /** The row at an index; undefined while it is on its way (a placeholder is drawn). */
  rowAt: (index: number) => T | undefined;
  rowHeight: number;
  render: (item: T, index: number) => ComponentChildren;
  /** Told which rows are on screen, so they can be fetched. */
  onRange?: (first: number, last: number) => void;
  /** Kept in view when it changes (keyboard moves). */
  selected?: number;
  label: string;
}

/**
 * Renders only the rows in view (plus a few): 100,000 papers cost as much as 20. Fixed row
 * height, so positions are arithmetic; the list measures its own height (CSS sizes it).
 */
export function VirtualList<T>({ count, rowAt, rowHeight, render, onRange, selected, label }: Props<T>) {
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
  const last = Math.min(count, Math.ceil((top + height) / rowHeight) + 5);
  useEffect(() => onRange?.(first, last), [first, last]);
  const shown: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    const item = rowAt(i);
    shown.push(
      <div key={i} class="vlist-row" style={{ top: `${i * rowHeight}px`, height: `${rowHeight}px` }}>
        {item === undefined ? <div class="row placeholder" aria-busy="true" /> : render(item, i)}
      </div>,
    );
  }
  return (
    // biome-ignore lint/a11y/useSemanticElements: a virtual list places its rows absolutely; a ul/li would add list styling to undo
    <div ref={ref} class="vlist" role="list" aria-label={label} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
      <div style={{ height: `${count * rowHeight}px`, position: 'relative' }}>{shown}</div>
    </div>
  );
}
