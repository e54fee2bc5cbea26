// Preloaded into a test CMS (NODE_OPTIONS=--require) to count the database queries each HTTP
// request makes, so a test can prove a route's query count does not grow with the data. It
// lives here, not in the product: the answer carries the count in an `X-Test-Query-Count`
// header. Queries outside a request (job queue, schedules) run in no request's context and
// are not counted.
const { AsyncLocalStorage } = require('node:async_hooks');
const { createRequire } = require('node:module');
const http = require('node:http');
const path = require('node:path');

const perRequest = new AsyncLocalStorage();

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event !== 'request') return emit.apply(this, arguments);
  const counter = { queries: 0 };
  const writeHead = response.writeHead;
  response.writeHead = function () {
    if (!this.headersSent) this.setHeader('X-Test-Query-Count', String(counter.queries));
    return writeHead.apply(this, arguments);
  };
  return perRequest.run(counter, () => emit.apply(this, arguments));
};

// Every query knex sends, in any dialect and in transactions too, goes through Client#query.
const cmsRequire = createRequire(path.join(__dirname, '..', '..', 'cms', 'package.json'));
const KnexClient = require(path.join(path.dirname(cmsRequire.resolve('knex')), 'lib', 'client.js'));
const query = KnexClient.prototype.query;
KnexClient.prototype.query = function () {
  const counter = perRequest.getStore();
  if (counter) counter.queries++;
  return query.apply(this, arguments);
};
