/** Public face of the projection module. */
export { createProjector, DEFAULT_PROJECTION_PARAMS, type ProjectorName, type ProjectionParams, type ProjectionView } from './projectors';
export type { Projector } from './types';
export { runProjector, meanDisplacement } from './types';
export { alignTo } from './procrustes';
export { ProjectionSession } from './session';
export type { ProjectRequest, ProjectionEvent, SessionOptions } from './session';
