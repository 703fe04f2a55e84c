import type { SiteAdapter } from '../adapter';
import detail from './vnpt-ioffice-detail.json';
import incomingList from './vnpt-ioffice-incoming-list.json';
import outgoingList from './vnpt-ioffice-outgoing-list.json';

/** The adapters Gom ships; a unit's own (options page) are tried before them. */
export const builtInAdapters = [incomingList, outgoingList, detail] as SiteAdapter[];
