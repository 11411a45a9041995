// The project's own lint rules for openapi/openapi.yaml, on top of Redocly's built-in ones
// (enabled in redocly.yaml). Each one states a convention of this contract that Redocly cannot
// express with a built-in or configurable rule. fixtures/violations.yaml breaks each of them
// once, and `node run.mjs lint` fails unless every rule catches its violation there.

const isBlank = (text) => typeof text !== 'string' || text.trim() === '';

// Redocly hands visitors the raw node: a `$ref` is still a `$ref`.
const resolved = (node, ctx) => (node && node.$ref ? ctx.resolve(node).node : node);

const hasExample = (content, ctx) =>
  Object.values(content || {}).some((media) => {
    const m = resolved(media, ctx) || {};
    return m.example !== undefined || Object.keys(m.examples || {}).length > 0;
  });

/**
 * Every operation shows at least one example, of its request or of a response: the examples
 * are what people in other languages copy first, and the docs page renders them.
 */
function OperationExamples() {
  return {
    Operation: {
      enter(operation, ctx) {
        const body = resolved(operation.requestBody, ctx);
        const responses = Object.values(operation.responses || {}).map((r) => resolved(r, ctx) || {});
        if (hasExample(body && body.content, ctx) || responses.some((r) => hasExample(r.content, ctx))) {
          return;
        }
        ctx.report({
          message: `Operation has no example: give its request body or a response an \`example\` or \`examples\`.`,
          location: ctx.location.key(),
        });
      },
    },
  };
}

/**
 * Every named schema and every schema property says what it is. A property that is only a
 * `$ref` takes the description of the schema it points to (the convention SpecIsValidTest
 * checks too), so that target must have one.
 */
function SchemaDescriptions() {
  return {
    NamedSchemas: {
      enter(schemas, ctx) {
        for (const [name, schema] of Object.entries(schemas || {})) {
          if (!schema.$ref && isBlank(schema.description)) {
            ctx.report({
              message: `Schema \`${name}\` has no description.`,
              location: ctx.location.child([name]).key(),
            });
          }
        }
      },
    },
    Schema: {
      enter(schema, ctx) {
        for (const [name, property] of Object.entries(schema.properties || {})) {
          const where = ctx.location.child(['properties', name]);
          if (property.$ref && Object.keys(property).length === 1) {
            const target = resolved(property, ctx);
            if (target && isBlank(target.description)) {
              ctx.report({
                message: `Property \`${name}\` is a bare $ref to \`${property.$ref}\`, which has no description: describe one of them.`,
                location: where.key(),
              });
            }
          } else if (isBlank(property.description)) {
            ctx.report({
              message: `Property \`${name}\` has no description.`,
              location: where.key(),
            });
          }
        }
      },
    },
  };
}

/**
 * The spec lists every environment a client may be pointed at, each described, so that
 * generated clients and the docs page offer them all: `urls` in redocly.yaml names them.
 */
function Servers({ urls = [] } = {}) {
  return {
    Root: {
      enter(root, ctx) {
        const servers = Array.isArray(root.servers) ? root.servers : [];
        for (const url of urls) {
          if (!servers.some((s) => s && s.url === url)) {
            ctx.report({
              message: `Server \`${url}\` is missing from \`servers\`.`,
              location: ctx.location.child(root.servers ? ['servers'] : []).key(),
            });
          }
        }
        servers.forEach((server, i) => {
          if (server && isBlank(server.description)) {
            ctx.report({
              message: `Server \`${server.url}\` has no description (say which environment it is).`,
              location: ctx.location.child(['servers', i]).key(),
            });
          }
        });
      },
    },
  };
}

export default function huiyi31Rules() {
  return {
    id: 'huiyi31',
    rules: {
      oas3: {
        'operation-examples': OperationExamples,
        'schema-descriptions': SchemaDescriptions,
        servers: Servers,
      },
    },
  };
}
