import Dexie, {
  type IntervalTree,
  type IntervalTreeNode,
  type ObservabilitySet,
  RangeSet,
  cmp,
  liveQuery,
} from 'dexie';
import type { Contact } from '../model/contact';
import type { KindredDB } from './db';

/** Calls `onValue` with the current value and again after every change; returns the unsubscribe. */
export type Watch<T> = (onValue: (value: T) => void, onError?: (error: unknown) => void) => () => void;

/**
 * A read the page keeps current: Dexie runs `query` again when a write (in any of the extension's
 * contexts: the background writes, Dexie tells the pages) touches what it read.
 */
export function watchQuery<T>(query: () => Promise<T>): Watch<T> {
  return (onValue, onError) => {
    const subscription = liveQuery(query).subscribe({ next: onValue, error: onError });
    return () => subscription.unsubscribe();
  };
}

/**
 * Every contact, kept current by reading only what changed. The contacts table searches all of them
 * in memory, so it needs them once; after that a tag in one tab re-reads one contact, not 30,000.
 */
export function watchContacts(db: KindredDB): Watch<Contact[]> {
  return (onValue, onError = () => undefined) => {
    const byId = new Map<string, Contact>();
    let stopped = false;
    // Changes that arrive while a read is running are applied after it, in order.
    let applying: Promise<void> = Promise.resolve();
    const emit = () => {
      if (!stopped) onValue([...byId.values()]);
    };

    const onMutated = (parts: ObservabilitySet) => {
      const changed = [parts[`idb://${db.name}/contacts/`], parts[`idb://${db.name}/contacts/:dels`]];
      const nodes = changed.filter((tree): tree is IntervalTree => tree !== undefined).flatMap(treeNodes);
      if (nodes.length === 0) return;
      applying = applying.then(() => refresh(nodes)).then(emit, onError);
    };
    const refresh = async (nodes: IntervalTreeNode[]) => {
      const keys = nodes.filter((node) => cmp(node.from, node.to) === 0).map((node) => node.from as string);
      const ranges = nodes.filter((node) => cmp(node.from, node.to) !== 0);
      const [contacts, ...rangeContents] = await Promise.all([
        db.contacts.bulkGet(keys),
        ...ranges.map((range) => db.contacts.where(':id').between(range.from, range.to, true, true).toArray()),
      ]);
      keys.forEach((key, index) => {
        const contact = contacts[index];
        if (contact) byId.set(key, contact);
        else byId.delete(key);
      });
      ranges.forEach((range, index) => {
        for (const id of byId.keys()) {
          if (cmp(id, range.from) >= 0 && cmp(id, range.to) <= 0) byId.delete(id);
        }
        for (const contact of rangeContents[index]!) byId.set(contact.id, contact);
      });
    };

    Dexie.on('storagemutated', onMutated);
    applying = db.contacts.toArray().then((all) => {
      for (const contact of all) byId.set(contact.id, contact);
    });
    applying.then(emit, onError);
    return () => {
      stopped = true;
      Dexie.on.storagemutated.unsubscribe(onMutated);
    };
  };
}

function treeNodes(tree: IntervalTree): IntervalTreeNode[] {
  return [...RangeSet(tree)];
}
