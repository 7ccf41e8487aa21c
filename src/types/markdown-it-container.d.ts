// @types/markdown-it-container describes the CommonJS build against markdown-it's CommonJS
// types, which the ESM types this site uses do not match; these are the parts it uses.
declare module 'markdown-it-container' {
  import type MarkdownIt from 'markdown-it';
  import type Token from 'markdown-it/lib/token.mjs';
  interface ContainerOptions {
    validate?: (params: string, markup: string) => boolean;
    render?: (tokens: Token[], idx: number) => string;
    marker?: string;
  }
  export default function container(md: MarkdownIt, name: string, options?: ContainerOptions): void;
}
