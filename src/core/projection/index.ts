/** Public face of the projection module. */
export { createProjector, type ProjectorName } from './projectors';
export type { Projector } from './types';
export { runProjector, meanDisplacement } from './types';
export { alignTo } from './procrustes';
export { ProjectionSession } from './session';
export type { ProjectRequest, ProjectionEvent, SessionOptions } from './session';
