// Node 24 tells a module it is the entry point (`import.meta.main`); the Node 20 types of the
// workspace do not know it yet, and the scripts fall back on `process.argv` where it is undefined.
interface ImportMeta {
  main?: boolean;
}
