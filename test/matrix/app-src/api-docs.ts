import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentErrors } from 'nestjs-api-errors/swagger';

/**
 * The OpenAPI document with every route's errors, as the README's Swagger
 * section sets it up: Swagger UI at `/docs`, the document at `/docs-json`.
 */
export function serveApiDocs(app: INestApplication): void {
  const config = new DocumentBuilder().setTitle('Shop API').addBearerAuth().build();
  const document = documentErrors(app, SwaggerModule.createDocument(app, config));
  SwaggerModule.setup('docs', app, document);
}
