import type { FastifyReply } from 'fastify';

/** A CSV download: the type spreadsheets open and the file name to save it under. */
export function sendCsv(reply: FastifyReply, fileName: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .send(csv);
}
