/**
 * Observable's `FileAttachment(name)`: a file next to the page (Courant's build copies, and its dev server serves,
 * every file under the pages folder at the same relative path), resolved against the page's address, so it works
 * under any sub-path. Nothing is fetched until a method asks for the contents.
 */
const MIME_TYPES: Record<string, string> = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  json: "application/json",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  xml: "application/xml",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  bin: "application/octet-stream"
};

export class FileAttachmentError extends Error {
  constructor(
    readonly file: string,
    readonly status: number | null
  ) {
    super(
      status === 404
        ? `FileAttachment: no file "${file}" next to this page`
        : `FileAttachment: "${file}" could not be loaded${status ? ` (HTTP ${status})` : ""}`
    );
    this.name = "FileAttachmentError";
  }
}

export class AttachedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly href: string;

  constructor(name: string, base: string | URL = document.baseURI) {
    this.href = new URL(name, base).href;
    this.name = name.split("/").pop()!;
    this.mimeType = MIME_TYPES[/\.([^.]+)$/.exec(this.name)?.[1].toLowerCase() ?? ""] ?? "application/octet-stream";
  }

  async url(): Promise<string> {
    return this.href;
  }
  private async response(): Promise<Response> {
    const response = await fetch(this.href).catch(() => null);
    if (!response?.ok) throw new FileAttachmentError(this.name, response?.status ?? null);
    return response;
  }
  async text(encoding?: string): Promise<string> {
    if (encoding === undefined) return (await this.response()).text();
    return new TextDecoder(encoding).decode(await this.arrayBuffer());
  }
  async json(): Promise<any> {
    return (await this.response()).json();
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    return (await this.response()).arrayBuffer();
  }
  async blob(): Promise<Blob> {
    return (await this.response()).blob();
  }
  async stream(): Promise<ReadableStream<Uint8Array> | null> {
    return (await this.response()).body;
  }
  /** Rows as objects keyed by the header (`{typed: true}`: numbers, dates and booleans parsed, as d3.autoType). */
  async dsv({delimiter = ",", array = false, typed = false} = {}): Promise<any[]> {
    const [text, d3] = await Promise.all([this.text(), import("d3-dsv")]);
    const format = d3.dsvFormat(delimiter);
    const rows: any[] = array ? format.parseRows(text) : format.parse(text);
    return typed ? rows.map((row) => d3.autoType(row)) : rows;
  }
  async csv(options?: {array?: boolean; typed?: boolean}): Promise<any[]> {
    return this.dsv({...options, delimiter: ","});
  }
  async tsv(options?: {array?: boolean; typed?: boolean}): Promise<any[]> {
    return this.dsv({...options, delimiter: "\t"});
  }
  async image(properties?: Partial<HTMLImageElement>): Promise<HTMLImageElement> {
    await this.response(); // a missing file says so, rather than "image failed"
    return new Promise((resolve, reject) => {
      const image = new Image();
      Object.assign(image, properties);
      image.onload = () => resolve(image);
      image.onerror = () => reject(new FileAttachmentError(this.name, null));
      image.src = this.href;
    });
  }
  async xml(mimeType: DOMParserSupportedType = "application/xml"): Promise<Document> {
    return new DOMParser().parseFromString(await this.text(), mimeType);
  }
  async html(): Promise<Document> {
    return this.xml("text/html");
  }
}

export function FileAttachment(name: string): AttachedFile {
  if (typeof name !== "string" || !name) throw new TypeError("FileAttachment(name): name must be a non-empty string");
  return new AttachedFile(name);
}
