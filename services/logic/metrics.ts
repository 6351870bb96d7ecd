// Logic role metrics (Prometheus naming: _total counters, bounded label sets).
import { Counter } from 'prom-client'

export const thumbnailsMade = new Counter({
  name: 'gochat_logic_thumbnails_total',
  help: 'Image uploads completed, by thumbnail result: made, or failed (an image the decoder refused; completed without one)',
  labelNames: ['result'] as const,
})

export const attachmentsReleased = new Counter({
  name: 'gochat_logic_attachments_released_total',
  help: 'Attachments deleted (row and blobs) after a recall or delete of the last message that carried them',
})
