import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentErrors } from 'nestjs-api-errors/swagger';

/** Where Swagger UI is served; the document is at `/docs-json`. */
export const DOCS_PATH = 'docs';

/**
 * Serves the API's OpenAPI document and Swagger UI. Every error of every
 * route is in it, in the format the app answers errors in: what `@ApiErrors()`
 * lists, and what the library itself answers (validation, the auth guard,
 * unexpected failures), added by `documentErrors`.
 */
export function setUpApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Acme Shop API')
    .setDescription(
      'The sample shop of nestjs-api-errors. Every error response lists its examples, rendered by the error format the server runs with.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  const document = documentErrors(app, SwaggerModule.createDocument(app, config));
  SwaggerModule.setup(DOCS_PATH, app, document);
}
