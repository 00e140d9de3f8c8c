// citation.js ships without types; the tests use its Cite class to read RIS and render CSL-JSON.
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    static async(data: unknown, options?: Record<string, unknown>): Promise<Cite>;
    data: unknown[];
    format(format: string, options?: Record<string, unknown>): string | unknown;
  }
}
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
