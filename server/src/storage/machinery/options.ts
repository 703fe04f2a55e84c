/**
 * The machinery a storage can be opened without, each piece replaced by its plain version, which
 * behaves the same one operation at a time: the storage bench measures, in one run, what each piece
 * buys on the figure it exists for (docs/performance.md). A server opens the storage with all of it.
 */
export type MachineryPiece = 'groupCommit' | 'turnBatch' | 'revisionMarks';

export interface MachineryOptions {
  /** The pieces replaced by their plain versions; none unless a bench asks. */
  without?: readonly MachineryPiece[] | undefined;
}

/** Whether the storage runs `piece`, or its plain version. */
export const runs = ({ without }: MachineryOptions, piece: MachineryPiece): boolean => !without?.includes(piece);
