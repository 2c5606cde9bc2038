/** Dropped files → Dataset: the pure core behind the drop zone (the browser supplies only the image decoder). */
export * from './types';
export { ingest, IngestError, PREVIEW_COUNT, type DecodeImage, type IngestOptions, type IngestResult } from './ingest';
export { collectInputs, type Collected, type CollectOptions, type ImageItem } from './collect';
export { capNotice, evenlySpaced, rowLimit } from './rowCap';
export { sniffFile, looksLikeText, CIFAR_RECORD_BYTES, type FileKind } from './sniff';
export { imageSize, looksComplete, tooLargeProblem, type ImageSize } from './imageHeader';
export { openZip, type Expanded } from './zip';
export { readZipDirectory, type ZipEntry } from './zipDirectory';
export { imageFilesByPath, unpackFile } from './unpack';
export { InflateBudget } from './inflateBudget';
export { openTar } from './tar';
export { labelsFromPaths, type FolderLabels } from './labelsFromPaths';
export { fitRect, rgbaToRow, rowLength, rowToBytes, type FitRect } from './pixels';
export { createImageRows, imageDataset, USER_DATASET_ID, type BuiltDataset, type ClassLabels, type ImageRows } from './assemble';
export { datasetFromFiles, type DatasetFiles, type FilesOutcome } from './datasetFiles';
export { stackDatasets } from './stack';
export { subsampleImbalanced, concatDatasets, keepRows } from './transforms';
export { encodePng } from './encodePng';
