// One thread of the bench's two-thread raw cut: loads the dictionary, says so, and on "go" cuts its files.
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);
parentPort.once('message', () => {
  for (const file of workerData) jieba.cut(readFileSync(file, 'utf8'), true);
  parentPort.postMessage('done');
});
parentPort.postMessage('ready');
