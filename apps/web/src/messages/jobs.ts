// Texts of jobs (issue 8): the progress of work that runs in the background — theft screening,
// line-loss runs, bill computation, imports and exports.
import type { Text } from '../i18n';

export const jobMessages = {
  'jobs.status.queued': { zh: '排队中', en: 'Queued' },
  'jobs.status.running': { zh: '进行中', en: 'Running' },
  'jobs.status.succeeded': { zh: '已完成', en: 'Done' },
  'jobs.status.failed': { zh: '失败', en: 'Failed' },
  'jobs.progress': { zh: '{phase} · {done} / {total}', en: '{phase} · {done} of {total}' },
  'jobs.waiting': { zh: '已提交，等待后台执行…', en: 'Submitted; waiting for the background worker…' },
  'jobs.background': {
    zh: '任务在后台执行，离开本页不会中断；完成后回到本页即可查看结果。',
    en: 'The job runs in the background: leaving this page does not stop it. Come back to see the result.',
  },
  'jobs.failed': { zh: '任务失败：{message}', en: 'The job failed: {message}' },
  'jobs.download': { zh: '下载文件', en: 'Download the file' },
  'jobs.phase.starting': { zh: '准备', en: 'Starting' },
  'jobs.phase.reading_series': { zh: '读取日电量序列', en: 'Reading the daily series' },
  'jobs.phase.reading_meters': { zh: '检查电能表示数', en: 'Checking meter registers' },
  'jobs.phase.scoring': { zh: '计算嫌疑评分', en: 'Scoring' },
  'jobs.phase.saving': { zh: '保存结果', en: 'Saving the results' },
  'jobs.phase.computing': { zh: '计算线损', en: 'Computing line loss' },
  'jobs.phase.billing': { zh: '计算电费', en: 'Computing bills' },
  'jobs.phase.writing': { zh: '写出文件', en: 'Writing the file' },
  'jobs.phase.parsing': { zh: '解析文件', en: 'Parsing the file' },
  'jobs.phase.validating': { zh: '校验数据', en: 'Validating' },
  'jobs.phase.done': { zh: '完成', en: 'Done' },
  'export.running': { zh: '正在导出 {kind}（{format}）', en: 'Exporting {kind} ({format})' },
  'export.done': { zh: '导出完成：{rows} 条记录，个人信息{masked}', en: 'Export done: {rows} records, personal data {masked}' },
  'export.masked': { zh: '已脱敏', en: 'masked' },
  'export.full': { zh: '完整（已记入审计日志）', en: 'in full (recorded in the audit trail)' },
} satisfies Record<string, Text>;
