declare module 'virtual:picket-bundled-pack' {
  /** The campaign pack built into the extension (validated at build time). */
  const pack: unknown;
  export default pack;
}
