export * from './access';
export * from './apply';
export * from './assign';
export * from './layout';
export * from './limits';
export * from './palette';
export * from './results';
export * from './types';
