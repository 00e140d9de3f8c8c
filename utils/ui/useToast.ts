import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Notify } from './actions';

export interface ToastState {
  message: string;
  undo?: () => void;
  key: number;
}

/** One message at a time: six seconds, eight when it offers an undo. */
export function useToast() {
  const [toast, setToast] = useState<ToastState | null>(null);
  const notify: Notify = useCallback((message, undo) => setToast({ message, undo, key: Date.now() }), []);
  useEffect(() => {
    if (!toast) return;
    const t = setTimeout(() => setToast(null), toast.undo ? 8000 : 6000);
    return () => clearTimeout(t);
  }, [toast]);
  return { toast, notify, close: () => setToast(null) };
}
