import { z } from 'zod'

/** `GET /openapi.json`: an OpenAPI 3.1 document (its own structure is checked against the OpenAPI schema in the tests). */
export const openApiDocument = z.looseObject({
  openapi: z.string().regex(/^3\.1\.\d+$/),
  info: z.looseObject({ title: z.string(), version: z.string() }),
  paths: z.record(z.string(), z.looseObject({})),
  components: z.looseObject({}),
})
