// Style sheets imported as text (Vite's `?inline`), adopted into the content script's shadow roots.
declare module '*.css?inline' {
  const css: string;
  export default css;
}
