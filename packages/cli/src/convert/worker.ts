import { parentPort, workerData } from 'node:worker_threads';
import { createWorker, type WorkItem, type WorkOptions } from './work.js';

/** A message to the worker: one chapter, with the id its answer carries. */
export interface WorkerRequest extends WorkItem {
  id: number;
}

const convert = createWorker(workerData as WorkOptions);

parentPort?.on('message', (request: WorkerRequest) => {
  convert(request).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (error: unknown) => parentPort?.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) }),
  );
});
