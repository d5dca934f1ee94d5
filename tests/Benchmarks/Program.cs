Console.WriteLine("usage: storage");
