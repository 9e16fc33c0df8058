export {
  createMispSource,
  type MispSource,
  type MispSourceOptions,
  type MispSummary,
} from './misp-source.ts';
export { mapMispEvent, type MappedEvent } from './misp-event.ts';
