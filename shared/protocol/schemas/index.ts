export * from './activity';
export * from './board';
export * from './chat';
export * from './common';
export * from './meeting';
export * from './template';
export * from './timer';
