/** Test helpers of the integrations lib (`@hub/integrations/testing`): specs and testing/ folders only. */
export { failureOf } from './failure-of';
