/** A WebAssembly file imported by URL (plugins/sql-wasm.js makes webpack emit it as an asset). */
declare module '*.wasm' {
  const url: string;
  export default url;
}
