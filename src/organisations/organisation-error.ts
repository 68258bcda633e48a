/** An organisation command that was understood but cannot be done (unknown organisation, already joined elsewhere): exit code 1. */
export class OrganisationError extends Error {}
