export { type Authenticate, type AuthenticatedActor, bearerToken } from './authenticate.js';
export { type ErrorBody, HttpError, type ProtocolErrorCode, STATUS_OF_CODE } from './http-error.js';
export {
  actorOfClaims,
  type JwtAuthenticatorOptions,
  jwtAuthenticator,
  type SignTokenOptions,
  signToken,
} from './jwt.js';
export type { MutationResult } from './kept-results.js';
export { type Listening as ServerListening, type ListenOptions, listen } from './listen.js';
export { PULL_MAX_ENTRIES, type PullAnswer, type PulledSession } from './pull.js';
export { PUSH_MAX_MUTATIONS, type PushRequest } from './push.js';
export type { RateLimitOptions } from './rate-limit.js';
export { createOkrServer, DEFAULT_MAX_BODY_BYTES, type OkrServer, type OkrServerOptions } from './server.js';
