/** js-yaml (electron-updater's own YAML reader; its types are not installed). */
declare module 'js-yaml' {
  export function load(text: string): unknown;
}
