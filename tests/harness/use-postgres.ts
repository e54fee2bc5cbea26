process.env.LINLI_TEST_DB = 'postgres';
