/**
 * How much of a name a person brought is shown: a class name or file path can be megabytes long
 * (a stray text column taken as labels, a crafted archive entry), and laying out such a string
 * blocks the page for seconds. Shown text is cut with '…'; the data and every export keep the
 * whole value.
 */
import { shortText } from '../core/data/ingest/text';

/** Characters shown of one class name, of a dataset's name, of a file path, and of a message. */
export const SHOWN = { label: 40, name: 80, path: 200, message: 500 } as const;

export const shownLabel = (label: string): string => shortText(label, SHOWN.label);
export const shownPath = (path: string): string => shortText(path, SHOWN.path);
export const shownMessage = (message: string): string => shortText(message, SHOWN.message);
