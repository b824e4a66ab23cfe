import { ImportFileError, NOT_AN_OBJECT, notJson, readKindredFile } from './kindred-file';

/**
 * Reads a Kindred export as it arrives, in pieces of any size, without ever holding the whole text: the
 * file's object is split into its members, and its `contacts` into one contact at a time, each parsed
 * on its own. Whatever is not valid JSON is refused with the same messages as a file read whole
 * (lib/formats/kindred-file.ts).
 */
export interface KindredStreamHandlers {
  /** One element of `contacts`, parsed, with its place in the list. */
  contact: (raw: unknown, index: number) => void;
}

/**
 * How deep a value may nest: Kindred writes at most 3 levels (a contact's touches). Deeper values are
 * refused, because storing them (the staging table's structured clone) would overflow the stack.
 */
export const MAX_DEPTH = 64;

/** A file that does not start with `{` is kept whole up to this size to say exactly what it is. */
const NOT_AN_OBJECT_KEPT = 1024 * 1024;

type Where =
  | 'start'
  | 'key'
  | 'key-or-end'
  | 'colon'
  | 'value'
  | 'after-value'
  | 'element'
  | 'element-or-end'
  | 'after-element'
  | 'done'
  | 'not-an-object';

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

export class KindredFileStream {
  private buffer = '';
  private at = 0;
  private where: Where = 'start';
  private bom = true;
  /** The raw text of every member but `contacts`, for the file's head. */
  private readonly members: string[] = [];
  private key = '';
  private keyStart = -1;
  private contactsSeen = false;
  /** The value being read: where it starts in `buffer`, how deep, whether inside a string. */
  private valueStart = -1;
  /** Where the value's first character still has to be read (-1: read). */
  private valueAt = -1;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private count = 0;

  constructor(private readonly handlers: KindredStreamHandlers) {}

  /** How many contacts have been read so far. */
  get contacts(): number {
    return this.count;
  }

  push(text: string): void {
    if (this.bom) {
      if (text === '') return;
      text = text.replace(/^\uFEFF/, '');
      this.bom = false;
    }
    this.buffer += text;
    if (this.where === 'not-an-object') {
      if (this.buffer.length > NOT_AN_OBJECT_KEPT) this.refuseNotAnObject();
      return;
    }
    this.scan();
    // Keep only what is still being read.
    const keep = Math.min(
      this.valueStart >= 0 ? this.valueStart : this.at,
      this.keyStart >= 0 ? this.keyStart : this.at,
    );
    if (keep > 0) {
      this.buffer = this.buffer.slice(keep);
      this.at -= keep;
      if (this.valueStart >= 0) this.valueStart -= keep;
      if (this.keyStart >= 0) this.keyStart -= keep;
    }
  }

  /** The end of the file: returns its head (everything but `contacts`, which is `[]` when present). */
  end(): { head: Record<string, unknown>; contacts: number } {
    if (this.where === 'not-an-object' || (this.where === 'start' && this.buffer.trim() === '')) {
      this.refuseNotAnObject();
    }
    if (this.where !== 'done') this.fail(new Error('Unexpected end of JSON input'));
    let head: Record<string, unknown>;
    try {
      head = JSON.parse(`{${this.members.join(',')}}`) as Record<string, unknown>;
    } catch (error) {
      this.fail(error);
    }
    if (this.contactsSeen) head.contacts = [];
    return { head, contacts: this.count };
  }

  private scan(): void {
    const text = this.buffer;
    const length = text.length;
    let i = this.at;
    while (i < length) {
      // A value (or key) that a previous piece left open is read on first.
      if (this.valueStart >= 0) {
        const end = this.readValue(text, i);
        if (end < 0) {
          this.at = length;
          return;
        }
        this.completed(text, end);
        i = end;
        continue;
      }
      const code = text.charCodeAt(i);
      switch (this.where) {
        case 'start':
          // Before the object, what the whole-file reader trims too: a second BOM, a no-break space.
          if (isSpace(code) || /\s/.test(text[i]!)) break;
          if (code !== 0x7b /* { */) {
            this.where = 'not-an-object';
            this.at = i;
            return;
          }
          this.where = 'key-or-end';
          break;
        case 'key':
        case 'key-or-end':
          if (isSpace(code)) break;
          if (code === 0x7d /* } */ && this.where === 'key-or-end') {
            this.where = 'done';
            break;
          }
          if (code !== 0x22 /* " */) this.unexpected(text, i);
          this.keyStart = i;
          this.startValue(i);
          continue;
        case 'colon':
          if (isSpace(code)) break;
          if (code !== 0x3a /* : */) this.unexpected(text, i);
          this.where = 'value';
          break;
        case 'value':
          if (isSpace(code)) break;
          if (this.key === 'contacts' && code === 0x5b /* [ */) {
            if (this.contactsSeen) this.fail(new Error('"contacts" appears twice'));
            this.contactsSeen = true;
            this.keyStart = -1;
            this.where = 'element-or-end';
            break;
          }
          this.startValue(i);
          continue;
        case 'element':
        case 'element-or-end':
          if (isSpace(code)) break;
          if (code === 0x5d /* ] */ && this.where === 'element-or-end') {
            this.where = 'after-value';
            break;
          }
          this.startValue(i);
          continue;
        case 'after-value':
        case 'after-element':
          if (!isSpace(code)) this.separator(text, i, code);
          break;
        case 'done':
          if (!isSpace(code)) this.unexpected(text, i);
          break;
        case 'not-an-object':
          return;
      }
      i++;
    }
    this.at = i;
  }

  /** A key, a member's value or a contact starts at `at`. */
  private startValue(at: number): void {
    this.valueStart = at;
    this.valueAt = at;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  /** What to do with a complete key, value or contact that ends at `end`. */
  private completed(text: string, end: number): void {
    const start = this.valueStart;
    this.valueStart = -1;
    switch (this.where) {
      case 'key':
      case 'key-or-end':
        this.key = this.parse(text.slice(start, end)) as string;
        this.where = 'colon';
        return;
      case 'value':
        this.parse(text.slice(start, end));
        this.members.push(text.slice(this.keyStart, end));
        this.keyStart = -1;
        this.where = 'after-value';
        return;
      default: {
        const raw = this.parse(text.slice(start, end));
        this.handlers.contact(raw, this.count++);
        this.where = 'after-element';
      }
    }
  }

  private parse(json: string): unknown {
    try {
      return JSON.parse(json);
    } catch (error) {
      this.fail(error);
    }
  }

  /**
   * Reads on in the value that starts at `valueStart`, from `i`; returns where it ends (one past its
   * last character), or -1 when the text so far ends inside it. A value ends when its brackets close,
   * its string ends, or a number or literal meets a delimiter.
   */
  private readValue(text: string, i: number): number {
    const length = text.length;
    if (i === this.valueAt) {
      const code = text.charCodeAt(i);
      if (code === 0x22) this.inString = true;
      else if (code === 0x7b || code === 0x5b) this.depth = 1;
      else if (code === 0x7d || code === 0x5d || code === 0x2c || code === 0x3a) this.unexpected(text, i);
      i++;
      this.valueAt = -1;
    }
    for (; i < length; i++) {
      const code = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (code === 0x5c /* \ */) this.escaped = true;
        else if (code === 0x22) {
          this.inString = false;
          if (this.depth === 0) return i + 1;
        }
        continue;
      }
      if (this.depth === 0) {
        // A number or a literal: it ends at a delimiter.
        if (code === 0x2c || code === 0x7d || code === 0x5d || isSpace(code)) return i;
        continue;
      }
      if (code === 0x22) this.inString = true;
      else if (code === 0x7b || code === 0x5b) {
        if (++this.depth > MAX_DEPTH) {
          throw new ImportFileError(
            `This is not a Kindred export: a value in it is nested more than ${MAX_DEPTH} levels deep. Nothing was changed.`,
          );
        }
      } else if (code === 0x7d || code === 0x5d) {
        this.depth--;
        if (this.depth === 0) return i + 1;
      }
    }
    return -1;
  }

  /** After an object's member or an array's element: a comma leads to the next, the closing bracket out. */
  private separator(text: string, i: number, code: number): void {
    const inArray = this.where === 'after-element';
    if (code === 0x2c /* , */) this.where = inArray ? 'element' : 'key';
    else if (code === (inArray ? 0x5d /* ] */ : 0x7d) /* } */) this.where = inArray ? 'after-value' : 'done';
    else this.unexpected(text, i);
  }

  private unexpected(text: string, i: number): never {
    this.fail(new Error(`Unexpected token '${text[i]}' at position ${i}`));
  }

  private fail(error: unknown): never {
    throw notJson('{', error);
  }

  private refuseNotAnObject(): never {
    const text = this.buffer.trimStart();
    if (text.length <= NOT_AN_OBJECT_KEPT) readKindredFile(text, new Date().toISOString());
    if (/^[[\d"ntf-]/.test(text)) throw NOT_AN_OBJECT();
    throw notJson(text, new Error(`Unexpected token '${text[0]}'`));
  }
}

export { ImportFileError };
