import { redactedHeaders } from 'n8n-workflow';

/**
 * Whether the n8n running this node routes `{ error, details }` items to the error output: n8n-core 2.36 is the
 * first that does. A node sees only n8n's n8n-workflow, whose 2.36 is the first to export the auth-redaction helpers
 * (it ships in step with n8n-core); a missing export is `undefined` at run time, whatever the types say.
 */
export const routesErrorDetails = (): boolean => typeof (redactedHeaders as unknown) === 'function';
