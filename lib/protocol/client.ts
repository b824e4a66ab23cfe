import type { SendOptions } from './transport';
import type { ContentOperation, Input, Message, Operation, Replies } from './operations';

/** One method per operation, named as the operation: `client.setTag({ contactId, tagId, on })`. */
export type KindredClient = {
  [K in Operation]: (input: Input<K>, options?: SendOptions) => Promise<Replies[K]>;
};

/** What a LinkedIn tab may ask for. */
export type ContentClient = Pick<KindredClient, ContentOperation>;

export type Send = (message: Message, options?: SendOptions) => Promise<unknown>;

/** A client whose every call becomes a message `{ type: <operation>, ...input }` given to `send`. */
export function messageClient<K extends Operation>(names: readonly K[], send: Send): Pick<KindredClient, K> {
  return Object.fromEntries(
    names.map((type) => [type, (input: object, options?: SendOptions) => send({ type, ...input } as Message, options)]),
  ) as unknown as Pick<KindredClient, K>;
}
