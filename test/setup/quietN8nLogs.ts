// n8n's logger prints every node error to stdout; tests that read the log spy on the logger instead.
process.env.N8N_LOG_LEVEL = 'silent';
