export { openApiDocument, openApiPath, operations, type OpenApiDocument } from './document'
export type { Operation } from './operation'
