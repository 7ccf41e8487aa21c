// @joplin/turndown-plugin-gfm ships no types: the plugins it exports, as turndown takes them.
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  const plugins: { gfm: TurndownService.Plugin; tables: TurndownService.Plugin; strikethrough: TurndownService.Plugin };
  export default plugins;
}
