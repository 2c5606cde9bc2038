/**
 * Thrown by MethodContext.report once the run is asked to stop: long one-off work (a feature
 * extraction, a model download) ends at its next report. Code that wraps errors for the user lets
 * it through as it is, so the run ends as "stopped", not as a failure.
 */
export class RunStopped extends Error {
  constructor() {
    super('the run was stopped');
  }
}
