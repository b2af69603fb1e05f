/**
 * Files of the fake Slack, following the external upload flow @slack/web-api's `filesUploadV2`
 * uses: reserve (files.getUploadURLExternal), send the bytes to the upload URL, then complete
 * (files.completeUploadExternal).
 */

export interface FakeFile {
  id: string;
  filename: string;
  length: number;
  title?: string;
  content?: Buffer;
  completed: boolean;
  /** The channel it was shared to on completion. */
  channel?: string;
}

export type FileResult = { ok: true; files: FakeFile[] } | { ok: false; error: string };

export class FileStore {
  readonly files: FakeFile[] = [];
  private seq = 0;

  /** files.getUploadURLExternal: returns the file id; the server turns it into an upload URL. */
  reserve(filename: string | undefined, length: number): FakeFile | undefined {
    if (!filename || !Number.isInteger(length) || length < 0) return undefined;
    const file: FakeFile = { id: `F${String(++this.seq).padStart(8, '0')}`, filename, length, completed: false };
    this.files.push(file);
    return file;
  }

  /** Stores the bytes sent to an upload URL; false when the file id is unknown. */
  receive(fileId: string, content: Buffer): boolean {
    const file = this.files.find((f) => f.id === fileId);
    if (!file) return false;
    file.content = content;
    return true;
  }

  /** files.completeUploadExternal: every listed file must have received its bytes. */
  complete(list: unknown): FileResult {
    if (!Array.isArray(list) || list.length === 0) return { ok: false, error: 'invalid_arguments' };
    const done: FakeFile[] = [];
    for (const entry of list as unknown[]) {
      const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
      const file = this.files.find((f) => f.id === e['id']);
      if (!file || file.content === undefined) return { ok: false, error: 'file_not_found' };
      file.title = typeof e['title'] === 'string' && e['title'] !== '' ? e['title'] : file.filename;
      file.completed = true;
      done.push(file);
    }
    return { ok: true, files: done };
  }
}
