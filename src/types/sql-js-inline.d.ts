/** sql.js with its WebAssembly inlined (no .wasm file to locate, the same in Node and the page). */
declare module 'sql.js/dist/sql-wasm-inline.js' {
  import initSqlJs from 'sql.js';
  export default initSqlJs;
}
