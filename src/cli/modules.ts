// The heavy parts (pipeline gazetteers, database drivers, HTTP server) load only when a
// command needs them, so `liaison --help` starts quickly and `extract` opens no database.

export const loadPipeline = () => import('../pipeline/index.js');
export const loadStorage = () => import('../storage/index.js');
export const loadServices = () => import('../services/index.js');
export const loadApi = () => import('../api/index.js');
