import { useEffect, useState } from 'preact/hooks';
import type { Watch } from '../../lib/protocol/page-client';

/** The current value of a watched read (undefined until the first one), re-subscribed when `deps` change. */
export function useWatch<T>(watch: () => Watch<T>, deps: unknown[], onError: (error: unknown) => void): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => watch()(setValue, onError), deps);
  return value;
}
