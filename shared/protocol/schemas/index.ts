export * from './activity';
export * from './common';
export * from './meeting';
