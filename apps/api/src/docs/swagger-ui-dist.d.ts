/** swagger-ui-dist ships no types; this entry returns the folder its files are in (node_modules/swagger-ui-dist/absolute-path.js). */
declare module 'swagger-ui-dist/absolute-path.js' {
  export default function getAbsoluteFSPath(): string;
}
